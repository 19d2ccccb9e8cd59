class Engine:
    def start(self):
        return "vroom"


def build():
    return Engine()


build().start()
