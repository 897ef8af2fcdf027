from pathlib import Path

from baocao.org.demo import sample_path
from tests.conftest import SAMPLE


def test_the_packaged_demo_sample_is_the_repositorys_sample():
    # the package carries its own copy so that an installed baocao can load the demo;
    # the two must never drift apart
    assert Path(sample_path()).read_bytes() == SAMPLE.read_bytes()
