def check(item):
    return item > 0


class Batches:
    def __init__(self, items):
        self.items = items

    def each(self):
        for item in self.items:
            if check(item):
                yield item


for item in Batches([1, 2]).each():
    pass
