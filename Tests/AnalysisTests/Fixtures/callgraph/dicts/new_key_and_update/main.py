def start():
    return 1


def stop():
    return 0


def pause():
    return 2


def run():
    table = {}
    table["start"] = start
    table.update({"stop": stop})
    table.update(pause=pause)
    return table["start"]()


run()
