from calc.shapes import Inventory, Particle, Vector


def test_particles():
    particles = [Particle(Vector(i, 0.0), Vector(1.0, 0.5 * i)) for i in range(100)]
    for _ in range(1000):
        for p in particles:
            p.step(0.01)  # 100k step calls -> 300k Vector method/init calls
    assert all(p.steps == 1000 for p in particles)
    assert particles[0].position.x > 9.9
    assert sum(p.energy() for p in particles) > 0


def test_vector_norms():
    total = 0.0
    for i in range(100000):
        total += Vector(i % 7, i % 11).norm()  # 3 calls each
    assert total > 0


def test_inventory():
    inv = Inventory()
    for i in range(120000):
        inv.add("item%d" % (i % 100), 2)
        inv.remove("item%d" % ((i + 3) % 100))
    expected = {}
    for i in range(120000):
        a, b = "item%d" % (i % 100), "item%d" % ((i + 3) % 100)
        expected[a] = expected.get(a, 0) + 2
        if expected.get(b, 0) <= 1:
            expected.pop(b, None)
        else:
            expected[b] -= 1
    assert inv.items == expected
    assert inv.total() == sum(expected.values())
