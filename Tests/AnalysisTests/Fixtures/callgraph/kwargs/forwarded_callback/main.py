def shout(text):
    return text.upper()


def invoke(fn, text):
    return fn(text)


def relay(*args, **kwargs):
    return invoke(*args, **kwargs)


relay(shout, text="hi")
