"""`vedtekt verify`: proofs about a council's decision rules, for every meeting and every size.

rules.py      the decision rules of one organ, read from the bylaws and statute data
outcome.py    the plain evaluation of one vote from its totals (rules.yaml predicates)
encode.py     the z3 encoding of every attendance and voting pattern (rules.yaml conditions)
totals.py     deciding by seat totals and classes of interchangeable participants (no solver;
              shared with the review's loophole search)
properties.py the built-in properties and the declared form (properties as data)
declared.py   loading declared properties (bylaws/properties/<document>.yaml, --properties)
ranges.py     every size at once (--participants, --seats-per-participant)
meetings.py   counterexamples written as scenario files for `vedtekt check`
classes.py    exhaustive evaluation by classes (vedtekt bench (e), (e'), the 50-seat analysis)
drafts.py     a draft agreement's rules, read by the review's extraction
sample.py     generated councils and drafts (tests, bench)
api.py        choosing the rules, running the properties; cli.py, render.py, words.py: the command
"""
