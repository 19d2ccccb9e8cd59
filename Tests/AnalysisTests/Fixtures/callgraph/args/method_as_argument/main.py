class Counter:
    def __init__(self):
        self.count = 0

    def increment(self, step):
        self.count += step


def repeat(action, times):
    for _ in range(times):
        action(1)


counter = Counter()
repeat(counter.increment, 3)
