def log(message):
    return message


def run(callback):
    return callback("ok")


def main_entry():
    return run(lambda message: log(message))


main_entry()
