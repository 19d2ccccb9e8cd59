import random

from calc.algorithms import edit_distance, group_by, identity, matmul, merge_sort, sieve, summarize


def test_edit_distance():
    words = ["kitten", "sitting", "saturday", "sunday", "benchmark", "hybridize", "tensorflow"]
    total = 0
    for _ in range(1200):
        for a in words:
            for b in words:
                total += edit_distance(a, b)  # ~59k calls
    assert edit_distance("kitten", "sitting") == 3
    assert total > 0


def test_matmul():
    n = 120
    rng = random.Random(7)
    a = [[rng.random() for _ in range(n)] for _ in range(n)]
    product = a
    for _ in range(8):
        product = matmul(product, identity(n))
    assert all(abs(x - y) < 1e-9 for r1, r2 in zip(a, product) for x, y in zip(r1, r2))


def test_merge_sort():
    rng = random.Random(3)
    for size in (20000, 40000, 60000):
        values = [rng.randrange(1_000_000) for _ in range(size)]
        assert merge_sort(values) == sorted(values)  # ~3*size calls each


def test_sieve():
    primes = sieve(8_000_000)
    assert len(primes) == 539777


def test_group_by():
    rng = random.Random(5)
    records = [{"k": rng.randrange(50), "v": rng.random()} for _ in range(800000)]
    means = summarize(group_by(records, "k"), "v")
    assert len(means) == 50
    assert all(0.4 < m < 0.6 for m in means.values())
