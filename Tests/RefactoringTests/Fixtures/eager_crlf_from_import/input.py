from tensorflow import function

@function(reduce_retracing=True)
def step(x, n):
    return x * n
