"""Checkers for notebook 07 (shapes): the task of the shape sandbox.

check_smallest_network(sizes, sandbox)  the smallest network that beats 85 %, among the runs on the plot

The parameter count of a shape (07's Exercise 1) is weights.check_parameter_count
with other sizes: one checker for one question.
"""
import numbers

from coursekit.exercises import describe, not_written_yet, right, wrong
from coursekit.exercises.presentation import exercise, solution
from coursekit.shapes import INPUTS, NO_HIDDEN, OUTPUTS, THRESHOLD, parameter_count, shape_name

# The course's finding (07's Solution fold): one narrow sigmoid layer beats 85 % with fewer
# parameters than 784-10. Presented, it is trained on the spot (under 2 s), so the teacher's fold
# shows the same answer whatever the class has trained, and its point lands on the plot.
NARROW = "_ = sandbox.train_shape((6,), activation=\"sigmoid\", epochs=10)\nsmallest = (784, 6, 10)\n"


def _narrow_layer(sandbox, threshold):
    """Answer: the course's narrow layer, trained in the sandbox (the checker then finds its run)."""
    return solution(NARROW, "smallest", sandbox=sandbox)


def as_sizes(answer):
    """(sizes as a tuple of ints, None) or (None, the Feedback on an answer that is not a shape)."""
    example = "a tuple of layer sizes such as (784, 8, 10)"
    if not_written_yet(answer) is not None:
        return None, not_written_yet(answer)
    if isinstance(answer, str) and "-" in answer:
        return None, wrong(f"you gave the name {answer!r}; write the shape as {example}.")
    if not isinstance(answer, (tuple, list)) or not answer \
            or not all(isinstance(n, numbers.Integral) and not isinstance(n, bool) for n in answer):
        return None, wrong(f"that is {describe(answer)}; write the shape as {example}.")
    sizes = tuple(int(n) for n in answer)
    if sizes[0] != INPUTS or sizes[-1] != OUTPUTS or len(sizes) < 2:
        return None, wrong(f"a shape starts with the {INPUTS} inputs and ends with the {OUTPUTS} "
                           f"outputs, e.g. (784, 8, 10); you gave {sizes}.")
    return sizes, None


@exercise("Which is the smallest network you found that reads more than {threshold:.0%} of the "
          "test digits, and is it smaller than 784-10?", _narrow_layer)
def check_smallest_network(answer, sandbox, threshold=THRESHOLD):
    """The task of the sandbox: `answer` is the shape (sizes) of a run on the plot that beats
    `threshold` with fewer parameters than 784-10 (7,850), which itself beats it."""
    sizes, problem = as_sizes(answer)
    if problem is not None:
        return problem
    name, goal, limit = shape_name(sizes), f"{threshold:.0%}", parameter_count(NO_HIDDEN)
    mine = [run for run in sandbox.runs if run.sizes == sizes]
    if not mine:
        hidden = sizes[1:-1]
        return wrong(f"no run of {name} is on the plot yet: train it (in the app, or with "
                     f"sandbox.train_shape({hidden})) and run this cell again.")
    best = max(mine, key=lambda run: run.test_accuracy)
    if best.test_accuracy <= threshold:
        return wrong(f"your best run of {name} read {best.test_accuracy:.1%}, not more than {goal}. "
                     "Try the other activation, more epochs, or a few more neurons.")
    if best.n_params >= limit:
        return wrong(f"{name} beats {goal}, but with {best.n_params:,} parameters; 784-10 beats it "
                     f"with {limit:,}, and one narrow hidden layer can do it with fewer still. "
                     "Try one hidden layer of a few neurons, with each activation.")
    smaller = sandbox.best_small_run(threshold)
    better = (f" Your runs hold a smaller one still: {smaller.name} ({smaller.n_params:,})."
              if smaller is not None and smaller.n_params < best.n_params else "")
    return right(f"{name} ({best.n_params:,} parameters, {best.activation}) reads "
                 f"{best.test_accuracy:.1%}, more than {goal} with fewer parameters than 784-10 "
                 f"({limit:,}): a narrow layer squeezes the 784 pixels into a few numbers the "
                 f"outputs can read.{better}")
