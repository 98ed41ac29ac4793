extension Pygments {
    /// The highlighting script: lexers are made once per language (looking one up costs as much as highlighting a
    /// short block), blocks are read from stdin and the reply written to the file named by the first argument, one
    /// block at a time, as bytes with lengths, so that no JSON is built or parsed for megabytes of code and HTML.
    /// Pygments' own lexers and formatter make every byte of the HTML; only the loop that tries a lexer state's rules
    /// is replaced by one that skips the rules that cannot match the next character (the same tokens, checked against
    /// Pygments' loop on every lexer by `HighlightScriptTests`).
    static let script = #"""
        import re
        import sys

        from pygments import format as render
        from pygments.formatters import HtmlFormatter
        from pygments.lexer import RegexLexer
        from pygments.lexers import get_lexer_by_name
        from pygments.token import Error, Whitespace, _TokenType
        from pygments.util import ClassNotFound

        try:
            from re import _constants as sre, _parser as sre_parse
        except ImportError:
            import sre_constants as sre
            import sre_parse

        # RegexLexer tries a state's rules in order at each position: dozens of failed matches per token. Here each
        # state keeps, per character, the rules that can match at a position holding it (read from the parsed regex,
        # erring on the side of keeping a rule), and tries only those, in the same order: the same tokens, faster.
        CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
                      "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W"}
        REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}
        ZERO_WIDTH = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}


        def in_class(items, char, flags):
            """Whether `char` may belong to the character class `items`."""
            folded = flags & re.I
            if folded and not char.isascii():
                return True
            chars = {char, char.lower(), char.upper()} if folded else {char}
            negated = member = False
            for op, av in items:
                if op is sre.NEGATE:
                    negated = True
                elif op is sre.LITERAL and not (folded and av > 127):
                    member = member or chr(av) in chars
                elif op is sre.RANGE and not (folded and av[1] > 127):
                    member = member or any(av[0] <= ord(c) <= av[1] for c in chars)
                elif op is sre.CATEGORY and str(av) in CATEGORIES:
                    member = member or any(re.match(CATEGORIES[str(av)], c, flags & (re.A | re.U)) for c in chars)
                else:
                    return True
            return (True if folded else not member) if negated else member


        def first(items, char, flags):
            """(may a match of the sequence `items` start with `char`, may it be empty)."""
            for op, av in items:
                starts, empty = item(op, av, char, flags)
                if starts:
                    return True, empty
                if not empty:
                    return False, False
            return False, True


        def item(op, av, char, flags):
            if op is sre.LITERAL:
                if flags & re.I and (av > 127 or not char.isascii()):
                    return True, False
                return (chr(av).lower() == char.lower() if flags & re.I else chr(av) == char), False
            if op is sre.NOT_LITERAL:
                return bool(flags & re.I) or chr(av) != char, False
            if op is sre.ANY:
                return True, False
            if op is sre.IN:
                return in_class(av, char, flags), False
            if op is sre.BRANCH:
                found = [first(branch, char, flags) for branch in av[1]]
                return any(s for s, _ in found), any(e for _, e in found)
            if op is sre.SUBPATTERN:
                return first(av[3], char, (flags | av[1]) & ~av[2])
            if op in REPEATS:
                starts, empty = first(av[2], char, flags) if av[1] else (False, True)
                return starts, empty or av[0] == 0
            if op in ZERO_WIDTH:
                return False, True
            if op is getattr(sre, "ATOMIC_GROUP", None):
                return first(av, char, flags)
            return True, True


        class State:
            """A state's rules and, per character met (None: the end of the text), those that may match there."""

            def __init__(self, rules, flags):
                self.rules, self.by_char, self.parsed = rules, {}, []
                for rule in rules:
                    pattern = rule[0].__self__
                    try:
                        parsed = sre_parse.parse(pattern.pattern, flags)
                        self.parsed.append(parsed if parsed.state.flags == pattern.flags else None)
                    except Exception:
                        self.parsed.append(None)

            def candidates(self, char):
                def may_match(parsed):
                    if parsed is None:
                        return True
                    starts, empty = first(parsed, "\0" if char is None else char, parsed.state.flags)
                    return empty or (starts and char is not None)
                found = [rule for rule, parsed in zip(self.rules, self.parsed) if may_match(parsed)]
                self.by_char[char] = found
                return found


        class States(dict):
            """A lexer class's states, each analysed when first entered."""

            def __init__(self, tokens, flags):
                super().__init__()
                self.tokens, self.flags = tokens, flags

            def __missing__(self, name):
                state = self[name] = State(self.tokens[name], self.flags)
                return state


        def get_tokens_unprocessed(self, text, stack=("root",)):
            """RegexLexer's own loop (pygments/lexer.py), trying only a state's candidates for the next character."""
            states = type(self).__dict__.get("_evident_states")
            if states is None or states.tokens is not self._tokens:
                states = States(self._tokens, type(self).flags)
                type(self)._evident_states = states
            pos, end = 0, len(text)
            statestack = list(stack)
            state = states[statestack[-1]]
            while 1:
                char = text[pos] if pos < end else None
                candidates = state.by_char.get(char)
                if candidates is None:
                    candidates = state.candidates(char)
                for rexmatch, action, new_state in candidates:
                    m = rexmatch(text, pos)
                    if m:
                        if action is not None:
                            if type(action) is _TokenType:
                                yield pos, action, m.group()
                            else:
                                yield from action(self, m)
                        pos = m.end()
                        if new_state is not None:
                            if isinstance(new_state, tuple):
                                for name in new_state:
                                    if name == "#pop":
                                        if len(statestack) > 1:
                                            statestack.pop()
                                    elif name == "#push":
                                        statestack.append(statestack[-1])
                                    else:
                                        statestack.append(name)
                            elif isinstance(new_state, int):
                                if abs(new_state) >= len(statestack):
                                    del statestack[1:]
                                else:
                                    del statestack[new_state:]
                            elif new_state == "#push":
                                statestack.append(statestack[-1])
                            else:
                                assert False, f"wrong state def: {new_state!r}"
                            state = states[statestack[-1]]
                        break
                else:
                    try:
                        if text[pos] == "\n":
                            statestack = ["root"]
                            state = states["root"]
                            yield pos, Whitespace, "\n"
                            pos += 1
                            continue
                        yield pos, Error, text[pos]
                        pos += 1
                    except IndexError:
                        break


        def highlight(source, out):
            """Per block of `source` (its language, a newline, its code's byte count, a newline, the code), writes `-`
            and a newline when Pygments has no lexer for the language, else the HTML's byte count, a newline and the
            HTML."""
            formatter = HtmlFormatter(nowrap=True)
            lexers = {}
            while language := source.readline()[:-1].decode():
                code = source.read(int(source.readline())).decode()
                if language not in lexers:
                    try:
                        lexers[language] = get_lexer_by_name(language, stripnl=False, ensurenl=False)
                    except ClassNotFound:
                        lexers[language] = None
                if lexers[language] is None:
                    out.write(b"-\n")
                    continue
                html = render(lexers[language].get_tokens(code), formatter).encode("utf-8", "replace")
                out.write(b"%d\n" % len(html))
                out.write(html)


        if __name__ == "__main__":
            RegexLexer.get_tokens_unprocessed = get_tokens_unprocessed
            with open(sys.argv[1], "wb") as reply:
                highlight(sys.stdin.buffer, reply)
        """#
}
