# A warm-up schedule in plain Python over literals: fail 6,12,14.


def warmup_lr(step, base_lr, warmup_steps=100):  # expect: fail=6,12,14
    return base_lr * min(1.0, (step + 1) / warmup_steps)


warmup_lr(10, 0.1)
warmup_lr(250, 0.1)
