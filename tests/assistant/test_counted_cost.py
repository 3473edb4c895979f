from assistant.counted_cost import lacks_counted_thing


def test_a_sentence_naming_the_counted_thing_may_answer_its_cost():
    assert not lacks_counted_thing("那12部电梯一共花了多少钱", ["加装电梯12部,共投入资金360万元。"])
    # A recovered overtime pay (加班) shares a character with 加装, never the thing counted.
    assert lacks_counted_thing("棠溪镇加装那12部电梯一共花了多少钱", ["违规发放加班补贴,已清退4.26万元。"])
