import pytest

import shop

# Made at collection time, in every shard: merged shards must still count these calls once.
CASES = [shop.make_case(i) for i in range(60)]


@pytest.mark.parametrize("i, j", CASES)
def test_price(i, j):
    assert shop.price("item%d" % (i % 4), j + 0.5) == j + 0.5


@pytest.mark.parametrize("n", range(60))
def test_sell(n):
    basket = shop.Basket()
    for k in range(n % 5 + 1):
        assert shop.sell(basket, "x%d" % (k % 3)) == k + 1


@pytest.mark.parametrize("n", range(60))
def test_mixed(n):
    shop.announce("n=%d" % n)
    shop.price(n % 2 and "odd" or "even", [n, n + 1][n % 2])


@pytest.mark.parametrize("n", range(19))
def test_outcomes(n):
    if n == 0:
        pytest.skip("on purpose")
    if n == 1:
        pytest.xfail("on purpose")
    assert n != 2, "fails on purpose"
    shop.make_case(n)


def test_last():
    shop.announce("last")
