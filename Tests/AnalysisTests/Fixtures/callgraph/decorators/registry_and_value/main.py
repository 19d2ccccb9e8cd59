HANDLERS = []


def register(fn):
    HANDLERS.append(fn)
    return fn


@register
def on_start():
    return "start"


def traced(fn):
    def wrapper():
        return fn()

    return wrapper


@traced
def on_stop():
    return "stop"


def fire(handler):
    return handler()


on_start()
fire(on_stop)
