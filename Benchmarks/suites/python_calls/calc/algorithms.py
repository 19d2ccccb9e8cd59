"""Loop-heavy algorithms: dynamic programming, matrices, sorting, sieving.

Fewer calls than the helpers, but more work per call, as in real project code.
"""


def edit_distance(a, b):
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost))
        previous = current
    return previous[-1]


def matmul(a, b):
    columns = list(zip(*b))
    out = []
    for row in a:
        out_row = []
        for col in columns:
            total = 0.0
            for x, y in zip(row, col):
                total += x * y
            out_row.append(total)
        out.append(out_row)
    return out


def identity(n):
    return [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]


def merge(left, right):
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out


def merge_sort(values):
    if len(values) <= 1:
        return values
    mid = len(values) // 2
    return merge(merge_sort(values[:mid]), merge_sort(values[mid:]))


def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = is_prime[1] = False
    for p in range(2, int(limit ** 0.5) + 1):
        if is_prime[p]:
            for multiple in range(p * p, limit + 1, p):
                is_prime[multiple] = False
    return [i for i, flag in enumerate(is_prime) if flag]


def group_by(records, key):
    groups = {}
    for record in records:
        groups.setdefault(record[key], []).append(record)
    return groups


def summarize(groups, field):
    means = {}
    for k, rows in groups.items():
        total = 0.0
        for r in rows:
            total += r[field]
        means[k] = total / len(rows)
    return means
