"""Small helpers called from tight loops."""


def clamp(value, low, high):
    if value < low:
        return low
    if value > high:
        return high
    return value


def square(x):
    return x * x


def is_even(n):
    return n % 2 == 0


def tokenize(line):
    return [word.lower() for word in line.split() if word]


def count_words(lines):
    counts = {}
    for line in lines:
        for word in tokenize(line):
            counts[word] = counts.get(word, 0) + 1
    return counts


def merge_counts(a, b):
    merged = dict(a)
    for key, value in b.items():
        merged[key] = merged.get(key, 0) + value
    return merged


def moving_average(values, window):
    out = []
    total = 0.0
    for i, v in enumerate(values):
        total += v
        if i >= window:
            total -= values[i - window]
        out.append(total / min(i + 1, window))
    return out
