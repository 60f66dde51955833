"""A class of two on the hub: each logs in, gets their own copy of the course and their own
kernel, moves a slider of notebook 01, and keeps their work when the course is pulled again.

The hub is classroom/jupyterhub_config.py as a teacher runs it, with the
shared-password test authenticator; the students speak the browser's
protocols (classroom/student.py). Everything is stopped at the end.
"""
import asyncio
from concurrent.futures import ThreadPoolExecutor

import nbformat
import pytest
from conftest import git, student, testhub

NOTEBOOK = f"{testhub.COURSE_DIR}/notebooks/01_neurons.ipynb"
EXERCISE = "answer = ...   # a whole number"      # the first exercise of notebook 01
WHO = "import os, nnlib, coursekit\nprint(os.environ['JUPYTERHUB_USER'], os.getcwd(), os.getpid())"


async def log_in(hub, names):
    """The students, logged in at once, each with their server started (and the course pulled)."""
    students = [student.Student(hub, name) for name in names]
    await asyncio.gather(*(s.log_in() for s in students))
    await asyncio.gather(*(s.start_server() for s in students))
    return students


async def own_kernel(hub, pupil):
    """Open notebook 01 in the student's copy; check the kernel is theirs; its process id."""
    await pupil.open_kernel(NOTEBOOK)
    _, reply = await pupil.execute(WHO)
    assert reply["status"] == "ok", reply
    user, folder, pid = reply["stdout"].split()
    assert (user, folder) == (pupil.name, str(hub.homes / pupil.name / testhub.COURSE_DIR / "notebooks"))
    return pid


async def move_slider(pupil, notebook):
    """Run the first cell and the pixel explorer's, then move its digit slider once."""
    cells = [c["source"] for c in notebook["cells"] if c["cell_type"] == "code"]
    await pupil.execute(cells[0], timeout=120)
    explorer = next(code for code in cells if code.startswith("apps.pixel_explorer"))
    cell, reply = await pupil.execute(explorer, timeout=120)
    assert reply["status"] == "ok", reply
    slider = pupil.widget(cell, "IntSliderModel", "digit number")
    seconds = await pupil.move_slider(slider, pupil.widget(cell, "AnyModel"), 3, timeout=30)
    assert seconds < 30 and pupil.errors == []


def edit_upstream(course):
    """The teacher changes the course: the line alice answered (a conflict) and a new file."""
    path = course / "notebooks" / "01_neurons.ipynb"
    notebook = nbformat.read(path, 4)
    cell = next(c for c in notebook.cells if c.source.startswith(EXERCISE))
    cell.source = cell.source.replace(EXERCISE, EXERCISE + " (count the pixels)")
    nbformat.write(notebook, path)
    (course / "UPSTREAM.md").write_text("Added after the first lesson.\n")
    git("add", "UPSTREAM.md", "notebooks/01_neurons.ipynb", cwd=course)
    git("commit", "-q", "-m", "A new file for the class", cwd=course)


async def keep_work(hub, course, alice, bob):
    """Alice answers an exercise and saves; the teacher changes that line and adds a file; her
    next start brings the new file and keeps her answer (nbgitpuller: the student's side wins)."""
    notebook = await alice.read_notebook(NOTEBOOK)
    cell = next(c for c in notebook["cells"] if c["source"].startswith(EXERCISE))
    cell["source"] = cell["source"].replace(EXERCISE, "answer = 784")
    await alice.save_notebook(NOTEBOOK, notebook)
    edit_upstream(course)
    await alice.stop_server()
    await alice.start_server()                     # pulls the course again
    home = hub.homes / "alice" / testhub.COURSE_DIR
    assert (home / "UPSTREAM.md").is_file(), "the course's new file did not arrive"
    sources = [c["source"] for c in (await alice.read_notebook(NOTEBOOK))["cells"]]
    assert any(s.startswith("answer = 784") for s in sources), "alice's answer was overwritten"
    theirs = [c["source"] for c in (await bob.read_notebook(NOTEBOOK))["cells"]]
    assert any(s.startswith(EXERCISE) for s in theirs), "alice's answer reached bob's copy"


async def a_class_of_two(hub, course):
    alice, bob = students = await log_in(hub, ["alice", "bob"])
    try:
        for pupil in students:
            assert (hub.homes / pupil.name / NOTEBOOK).is_file()
        pids = await asyncio.gather(*(own_kernel(hub, s) for s in students))
        assert pids[0] != pids[1]
        notebook = await alice.read_notebook(NOTEBOOK)
        await asyncio.gather(*(move_slider(s, notebook) for s in students))
        await keep_work(hub, course, alice, bob)
    finally:
        for pupil in students:
            await pupil.close()


@pytest.mark.timeout(300)
def test_a_class_of_two(hub, course):
    # In a thread of its own: in the same run as the browser tests, Playwright's sync API
    # keeps an event loop running in this one, and asyncio.run() refuses to start there.
    try:
        with ThreadPoolExecutor(1) as pool:
            pool.submit(asyncio.run, a_class_of_two(hub, course)).result()
    except BaseException:
        print(hub.log_tail(80))
        raise
