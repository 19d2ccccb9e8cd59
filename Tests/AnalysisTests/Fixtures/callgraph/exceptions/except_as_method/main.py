class AppError(Exception):
    def __init__(self, code):
        self.code = code

    def describe(self):
        return "error %d" % self.code


def risky():
    raise AppError(3)


def handle():
    try:
        risky()
    except AppError as error:
        return error.describe()


handle()
