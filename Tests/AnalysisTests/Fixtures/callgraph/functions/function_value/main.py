def greet(name):
    return "hello " + name


say = greet
say("bob")
