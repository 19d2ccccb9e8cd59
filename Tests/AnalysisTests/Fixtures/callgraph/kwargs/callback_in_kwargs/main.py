def notify(message):
    return message


def run(**options):
    callback = options["on_done"]
    return callback("done")


run(on_done=notify)
