import util
from util import scale

util.setup()
scale(2)
