def helper():
    return 1


def main_entry():
    return helper() + helper()


main_entry()
