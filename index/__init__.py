"""Loading, chunking, embedding and storing notices."""
