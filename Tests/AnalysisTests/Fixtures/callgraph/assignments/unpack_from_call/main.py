def encode(x):
    return x + 1


def decode(x):
    return x - 1


def codec():
    return encode, decode


enc, dec = codec()
dec(enc(1))
