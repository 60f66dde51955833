"""The teacher's guide, classroom/README.md, keeps up with the notebooks.

Every notebook has a lesson plan that names it, every app a notebook calls is in
that notebook's plan (with the question to ask, its answer and the wrong answers),
the minutes of each plan add up to its total, and the guide has its sections on
the hub and on presentation mode. A notebook that gains an app, or a new notebook,
fails here until the guide says how to teach it.
"""
import ast
import re
from pathlib import Path

import nbformat
import pytest

import coursekit.apps

REPO = Path(__file__).resolve().parents[2]
GUIDE = REPO / "classroom" / "README.md"
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
PLACEHOLDER = "(to be written)"


def sections(text, level):
    """{heading: body} for the headings of exactly this level (2 for ##, 3 for ###).

    A body runs to the next heading of this level or higher; code blocks are left
    out first, so a '#' comment in one is no heading.
    """
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    marks = list(re.finditer(rf"^(#{{1,{level}}}) (.+)$", text, flags=re.M))
    found = {}
    for mark, after in zip(marks, marks[1:] + [None]):
        if len(mark.group(1)) == level:
            found[mark.group(2).strip()] = text[mark.end():after.start() if after else len(text)]
    return found


def guide_section(pattern):
    """(heading, body) of the one ## section whose heading matches the regex `pattern`."""
    matches = [(h, body) for h, body in sections(GUIDE.read_text(), 2).items()
               if re.search(pattern, h, flags=re.I)]
    assert len(matches) == 1, f"classroom/README.md needs one '## ' section matching {pattern!r}"
    return matches[0]


def lesson_plans():
    """{heading: body} of the ### subsections of the guide's '## Lesson plans'."""
    return sections(guide_section(r"^lesson plans$")[1], 3)


def plan_of(notebook):
    """The body of the lesson plan whose heading names `notebook` (a Path); fails without one."""
    named = [body for heading, body in lesson_plans().items() if notebook.name in heading]
    assert len(named) == 1, (f"classroom/README.md, '## Lesson plans': needs one '### ' subsection "
                             f"whose heading names {notebook.name}; found {len(named)}")
    return named[0]


def app_calls(notebook):
    """The names of the coursekit.apps functions the code cells of `notebook` call, in order.

    Follows the imports: `from coursekit import apps` (any alias) then `apps.name(...)`,
    and `from coursekit.apps import name` then `name(...)`.
    """
    modules, functions, called = set(), set(), []
    for cell in nbformat.read(notebook, as_version=4).cells:
        if cell.cell_type != "code":
            continue
        source = "\n".join(line for line in cell.source.splitlines()
                           if not line.lstrip().startswith(("%", "!")))   # IPython magics
        for node in ast.walk(ast.parse(source)):
            modules |= _apps_aliases(node)
            functions |= _app_functions(node)
            if isinstance(node, ast.Call):
                name = _called_name(node.func, modules, functions)
                if name and name not in called:
                    called.append(name)
    return called


def _apps_aliases(node):
    """Names under which this import node makes coursekit.apps available."""
    if isinstance(node, ast.ImportFrom) and node.module == "coursekit":
        return {a.asname or a.name for a in node.names if a.name == "apps"}
    if isinstance(node, ast.Import):
        return {a.asname for a in node.names if a.name == "coursekit.apps" and a.asname}
    return set()


def _app_functions(node):
    """Names this import node takes from coursekit.apps (or one of its modules)."""
    if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("coursekit.apps"):
        return {a.asname or a.name for a in node.names}
    return set()


def _called_name(func, modules, functions):
    """The app function a call's func node names, or None."""
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in modules:
        return func.attr
    if isinstance(func, ast.Name) and func.id in functions:
        return func.id
    return None


def notebook_ids(path):
    return path.stem


def test_the_guide_finds_the_apps_of_a_notebook():
    """The parser itself: notebook 01 calls its two explorers."""
    assert {"pixel_explorer", "network_explorer"} <= set(app_calls(REPO / "notebooks" / "01_neurons.ipynb"))


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=notebook_ids)
def test_every_notebook_has_a_lesson_plan(notebook):
    plan = plan_of(notebook)
    assert "**Goal:**" in plan and "**Timing:**" in plan, f"the plan of {notebook.name}: goal and timing"
    assert re.search(r"\*\*Exercises?\b", plan), f"the plan of {notebook.name} says nothing on its exercises"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=notebook_ids)
def test_every_app_a_notebook_calls_is_in_its_plan(notebook):
    plan = plan_of(notebook)
    missing = [name for name in app_calls(notebook) if not re.search(rf"\b{name}\b", plan)]
    assert not missing, (f"{notebook.name} calls apps.{', apps.'.join(missing)}, which its lesson plan "
                         f"in classroom/README.md does not mention")


def widget_bullets(plan):
    """{app name: the text of its bullet} for the bullets that open with **`apps.name`**."""
    bullets = re.split(r"\n(?=- )", plan)
    return {m.group(1): bullet for bullet in bullets
            if (m := re.match(r"- \*\*`apps\.(\w+)`\*\*", bullet))}


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=notebook_ids)
def test_every_widget_has_its_question_answer_and_wrong_answers(notebook):
    bullets = widget_bullets(plan_of(notebook))
    for name in app_calls(notebook):
        assert name in bullets, f"the plan of {notebook.name} needs a bullet opening with **`apps.{name}`**"
        for part in ("*Show:*", "*Ask", "*Answer:*", "*Wrong answers:*"):
            assert part in bullets[name], f"the plan of {notebook.name}, apps.{name}: no {part}"


def test_every_lesson_plan_is_for_a_notebook_that_exists():
    names = {path.name for path in NOTEBOOKS}
    for heading in lesson_plans():
        named = re.findall(r"\b\w+\.ipynb\b", heading)
        assert named and set(named) <= names, f"lesson plan '{heading}': no such notebook in notebooks/"


def test_every_app_a_plan_names_exists():
    """A plan written for an app still in progress fails here until the app is in coursekit.apps."""
    missing = [f"apps.{name} (in '{heading}')" for heading, plan in lesson_plans().items()
               for name in widget_bullets(plan) if not hasattr(coursekit.apps, name)]
    assert not missing, f"the lesson plans name apps that coursekit.apps does not have: {missing}"


def test_the_minutes_of_each_plan_add_up_to_its_total():
    for heading, plan in lesson_plans().items():
        total = re.search(r"about (\d+) min", heading)
        timing = re.search(r"\*\*Timing:\*\*(.*?)(?:\n\n|$)", plan, flags=re.S)
        assert total and timing, f"lesson plan '{heading}': '(about N min)' and a **Timing:** line"
        minutes = [int(re.findall(r"\d+", part)[-1]) for part in timing.group(1).split("·")]
        assert sum(minutes) == int(total.group(1)), f"lesson plan '{heading}': {minutes} minutes"


def test_the_lesson_plans_are_written():
    assert PLACEHOLDER not in guide_section(r"^lesson plans$")[1]


@pytest.mark.parametrize("pattern", [r"hub", r"presentation|voila|projector"])
def test_the_guide_has_its_hub_and_presentation_sections(pattern):
    heading, body = guide_section(pattern)
    assert body.strip() and PLACEHOLDER not in body, f"classroom/README.md, '## {heading}' is not written yet"
