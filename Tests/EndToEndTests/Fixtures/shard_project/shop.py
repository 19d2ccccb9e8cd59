"""Project code with calls at collection time and effects of several kinds."""
PRICES = {}
SOLD = []
TOTAL = 0


def make_case(i):
    return i, i * 3


def price(item, amount):
    PRICES[item] = float(amount)
    return PRICES[item]


def sell(basket, item):
    global TOTAL
    basket.add(item)
    SOLD.append(item)
    TOTAL += 1
    return len(basket.items)


def announce(message):
    print(message)


class Basket:
    def __init__(self):
        self.items = []

    def add(self, item):
        self.items = self.items + [item]
