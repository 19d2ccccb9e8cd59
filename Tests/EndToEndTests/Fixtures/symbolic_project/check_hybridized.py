"""Runs main.py with the function named on the command line hybridized where it is defined,
as the CONVERT_TO_HYBRID edit would make it: TensorFlow itself says whether that breaks."""
import ast
import runpy
import sys

name = sys.argv[1]
tree = ast.parse(open("main.py").read())
body = []
for statement in tree.body:
    body.append(statement)
    if isinstance(statement, ast.FunctionDef) and statement.name == name:
        body.append(ast.parse(f"{name} = tf.function({name})").body[0])
tree.body = body
with open(f"hybridized_{name}.py", "w") as file:
    file.write(ast.unparse(tree) + "\n")
runpy.run_path(f"hybridized_{name}.py", run_name="__main__")
