def load():
    return "load"


def save():
    return "save"


def pipeline():
    steps = []
    steps.append(load)
    steps.append(save)
    for step in steps:
        step()


pipeline()
