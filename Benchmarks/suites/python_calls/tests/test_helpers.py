from calc.helpers import clamp, count_words, is_even, merge_counts, moving_average, square


def test_clamp_square_even():
    total = 0
    for i in range(150000):
        v = clamp(i - 75000, -1000, 1000)
        if is_even(v):
            total += square(v)
    assert total > 0  # ~450k calls


def test_word_counts():
    lines = ["The quick brown fox jumps over the lazy dog %d" % (i % 50) for i in range(40000)]
    counts = count_words(lines)  # 40k tokenize calls
    assert counts["the"] == 80000
    halves = [count_words(lines[i:i + 400]) for i in range(0, 40000, 400)]
    merged = {}
    for part in halves:
        merged = merge_counts(merged, part)
    assert merged == counts


def test_moving_average():
    values = [float(i % 17) for i in range(20000)]
    for w in range(1, 11):
        out = moving_average(values, w)
        assert len(out) == len(values)
