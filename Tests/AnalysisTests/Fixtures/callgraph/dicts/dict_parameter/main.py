def on_save():
    return "saved"


def dispatch(handlers, event):
    return handlers.get(event)()


dispatch({"save": on_save}, "save")
