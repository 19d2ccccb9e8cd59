# No parameters and no TF op: fail 6,14.


def model_version():  # expect: fail=6,14; tensorParameter=false tensorComputation=false
    return "resnet-v2"


VERSION = model_version()
