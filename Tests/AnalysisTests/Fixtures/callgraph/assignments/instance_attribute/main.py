def greet():
    return "hi"


class Holder:
    def __init__(self, action):
        self.action = action

    def run(self):
        return self.action()


Holder(greet).run()
