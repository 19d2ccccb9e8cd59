class ValidationError(Exception):
    def __init__(self, field):
        super().__init__(field)
        self.field = field


def validate(value):
    if value < 0:
        raise ValidationError("value")
    return value


try:
    validate(-1)
except ValidationError:
    pass
