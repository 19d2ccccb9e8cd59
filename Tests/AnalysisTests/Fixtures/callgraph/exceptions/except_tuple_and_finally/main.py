class NotFound(Exception):
    def log(self):
        return "not found"


class Denied(Exception):
    def log(self):
        return "denied"


def cleanup():
    return None


def lookup(key):
    if key:
        raise NotFound()
    raise Denied()


def guarded(key):
    try:
        lookup(key)
    except (NotFound, Denied) as problem:
        return problem.log()
    finally:
        cleanup()


guarded(True)
guarded(False)
