"""The part of Solr's query syntax that CKAN clients send in `fq` (and in a fielded `q`).

ckanext-harvest, ckanapi and portals send clauses such as
`organization:a OR organization:b`, `-organization:x`, `groups:"dengan spasi"`,
`metadata_modified:[2024-01-01T00:00:00Z TO *]` and `tags:(a OR b)`. This module turns such a
string into a small tree; `ckan_search` maps the tree onto the catalogue's columns. Nothing here
reaches SQL as text.

Precedence (from tightest): NOT / `-` / `!` / `+`, then AND, then OR, then juxtaposition,
which means AND. So the harvester's `organization:a OR organization:b metadata_modified:[… TO *]`
reads as "(a or b) and modified since", which is what it means by it.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_DEPTH = 20
MAX_CLAUSES = 200


class QuerySyntaxError(ValueError):
    """The query is not in the supported subset (answered as CKAN's Search Query Error)."""


@dataclass(frozen=True)
class Term:
    field: str
    value: str
    phrase: bool = False  # given in quotes: no wildcard meaning for `*`


@dataclass(frozen=True)
class Range:
    field: str
    low: str  # "*" for open
    high: str
    include_low: bool = True
    include_high: bool = True


@dataclass(frozen=True)
class Not:
    node: Node


@dataclass(frozen=True)
class And:
    nodes: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    nodes: tuple[Node, ...]


@dataclass(frozen=True)
class MatchAll:
    pass


Node = Term | Range | Not | And | Or | MatchAll

OPERATORS = {"AND": "AND", "&&": "AND", "OR": "OR", "||": "OR", "NOT": "NOT"}
STOP = set(" \t\r\n()")


def parse(text: str, default_field: str = "text") -> Node:
    """The tree of `text`; an empty string matches everything."""
    parser = _Parser(text, default_field)
    node = parser.sequence(depth=0)
    if parser.peek() is not None:
        raise QuerySyntaxError(f"tanda tidak terduga: {parser.peek()!r}")
    return node


class _Parser:
    def __init__(self, text: str, default_field: str) -> None:
        self.tokens = _tokenize(text, default_field, depth=0)
        self.index = 0

    def peek(self) -> object:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self) -> object:
        token = self.peek()
        self.index += 1
        return token

    def sequence(self, depth: int) -> Node:
        if depth > MAX_DEPTH:
            raise QuerySyntaxError("kueri terlalu dalam")
        nodes: list[Node] = []
        while self.peek() not in (None, ")"):
            nodes.append(self.disjunction(depth))
        if not nodes:
            return MatchAll()
        return nodes[0] if len(nodes) == 1 else And(tuple(nodes))

    def disjunction(self, depth: int) -> Node:
        nodes = [self.conjunction(depth)]
        while self.peek() == ("op", "OR"):
            self.take()
            nodes.append(self.conjunction(depth))
        return nodes[0] if len(nodes) == 1 else Or(tuple(nodes))

    def conjunction(self, depth: int) -> Node:
        nodes = [self.unary(depth)]
        while self.peek() == ("op", "AND"):
            self.take()
            nodes.append(self.unary(depth))
        return nodes[0] if len(nodes) == 1 else And(tuple(nodes))

    def unary(self, depth: int) -> Node:
        token = self.take()
        if token in (("op", "NOT"), ("op", "-")):
            return Not(self.unary(depth + 1))
        if token == ("op", "+"):
            return self.unary(depth + 1)
        if token == "(":
            node = self.sequence(depth + 1)
            if self.take() != ")":
                raise QuerySyntaxError("kurung tidak ditutup")
            return node
        if isinstance(token, Term | Range | MatchAll | Or | And | Not):
            return token
        raise QuerySyntaxError(f"klausa diharapkan, didapat {token!r}")


def _tokenize(text: str, default_field: str, depth: int) -> list:
    if depth > MAX_DEPTH:
        raise QuerySyntaxError("kueri terlalu dalam")
    tokens: list = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char.isspace():
            i += 1
        elif char in "()":
            tokens.append(char)
            i += 1
        elif char == '"':
            value, i = _quoted(text, i)
            tokens.append(Term(default_field, value, phrase=True))
        elif char in "-+!" and i + 1 < n and not text[i + 1].isspace():
            tokens.append(("op", "-" if char in "-!" else "+"))
            i += 1
        else:
            token, i = _clause(text, i, default_field, depth)
            tokens.append(token)
        if len(tokens) > MAX_CLAUSES:
            raise QuerySyntaxError("kueri terlalu panjang")
    return tokens


def _clause(text: str, i: int, default_field: str, depth: int) -> tuple[object, int]:
    """One `field:value` (or bare value, or operator word) starting at `i`."""
    start = i
    while i < len(text) and (text[i].isalnum() or text[i] in "_.*"):
        i += 1
    name = text[start:i]
    if i < len(text) and text[i] == ":" and name:
        field, i = name, i + 1
        if field == "*" and text.startswith("*", i):
            return MatchAll(), _end_of_bare(text, i)
        return _value(text, i, field, depth)
    word, end = _bare(text, start)
    if word[:1] in ("[", "{", "]", "}", ":"):
        raise QuerySyntaxError(f"tanda tidak terduga: {word[:1]}")
    if word in OPERATORS:
        return ("op", OPERATORS[word]), end
    return _term(default_field, word), end


def _value(text: str, i: int, field: str, depth: int) -> tuple[object, int]:
    if i >= len(text):
        raise QuerySyntaxError(f"nilai kosong untuk {field}")
    opener = text[i]
    if opener == '"':
        value, i = _quoted(text, i)
        return Term(field, value, phrase=True), i
    if opener in "[{":
        return _range(text, i, field)
    if opener == "(":
        close = _matching_paren(text, i)
        inner = parse_group(text[i + 1 : close], field, depth + 1)
        return inner, close + 1
    word, end = _bare(text, i)
    if not word:
        raise QuerySyntaxError(f"nilai kosong untuk {field}")
    return _term(field, word), end


def parse_group(text: str, field: str, depth: int) -> Node:
    """`field:(a OR "b c")`: the inner clauses default to `field`."""
    parser = _Parser.__new__(_Parser)
    parser.tokens = _tokenize(text, field, depth)
    parser.index = 0
    node = parser.sequence(depth)
    if parser.peek() is not None:
        raise QuerySyntaxError("kurung tidak seimbang")
    return node


def _term(field: str, word: str) -> Term:
    return Term(field, word)


def _quoted(text: str, i: int) -> tuple[str, int]:
    out: list[str] = []
    i += 1
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text):
            out.append(text[i + 1])
            i += 2
            continue
        if char == '"':
            return "".join(out), i + 1
        out.append(char)
        i += 1
    raise QuerySyntaxError("tanda kutip tidak ditutup")


def _bare(text: str, i: int) -> tuple[str, int]:
    out: list[str] = []
    while i < len(text) and text[i] not in STOP:
        if text[i] == "\\" and i + 1 < len(text):
            out.append(text[i + 1])
            i += 2
            continue
        out.append(text[i])
        i += 1
    return "".join(out), i


def _end_of_bare(text: str, i: int) -> int:
    return _bare(text, i)[1]


def _matching_paren(text: str, i: int) -> int:
    level, quoted = 0, False
    for j in range(i, len(text)):
        char = text[j]
        if char == '"' and text[j - 1] != "\\":
            quoted = not quoted
        elif not quoted and char == "(":
            level += 1
        elif not quoted and char == ")":
            level -= 1
            if level == 0:
                return j
    raise QuerySyntaxError("kurung tidak ditutup")


def _range(text: str, i: int, field: str) -> tuple[Range, int]:
    include_low = text[i] == "["
    closers = [j for j in (text.find("]", i), text.find("}", i)) if j != -1]
    if not closers:
        raise QuerySyntaxError("rentang tidak ditutup")
    close = min(closers)
    parts = text[i + 1 : close].split()
    if len(parts) != 3 or parts[1] != "TO":
        raise QuerySyntaxError("rentang harus berbentuk [awal TO akhir]")
    low, high = (part.strip('"') for part in (parts[0], parts[2]))
    return Range(field, low, high, include_low, text[close] == "]"), close + 1


def fields_of(node: Node) -> set[str]:
    """Every field a tree names (for a clear 'unsupported field' error before any query)."""
    if isinstance(node, Term | Range):
        return {node.field}
    if isinstance(node, Not):
        return fields_of(node.node)
    if isinstance(node, And | Or):
        return set().union(*(fields_of(child) for child in node.nodes))
    return set()
