"""``auditor completion bash|zsh|fish``: shell completion, generated from the argument parser."""

from __future__ import annotations

import argparse


def _commands(parser: argparse.ArgumentParser) -> dict[str, list[str]]:
    """Subcommand -> its long options (the top level under "")."""
    found = {"": [o for a in parser._actions for o in a.option_strings if o.startswith("--")]}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found[name] = [o for a in sub._actions for o in a.option_strings if o.startswith("--")]
    return found


def script(parser: argparse.ArgumentParser, shell: str) -> str:
    commands = _commands(parser)
    names = [name for name in commands if name]
    if shell == "bash":
        cases = "\n".join(f'        {name}) opts="{" ".join(opts)}" ;;' for name, opts in commands.items() if name)
        return f"""\
# bash completion for auditor: eval "$(auditor completion bash)"
_auditor() {{
    local cur="${{COMP_WORDS[COMP_CWORD]}}" command="${{COMP_WORDS[1]}}" opts
    if [ "$COMP_CWORD" -eq 1 ]; then
        COMPREPLY=($(compgen -W "{' '.join(names)} {' '.join(commands[''])}" -- "$cur")); return
    fi
    case "$command" in
{cases}
        *) opts="" ;;
    esac
    if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "$opts" -- "$cur")); else COMPREPLY=($(compgen -f -- "$cur")); fi
}}
complete -o filenames -F _auditor auditor"""
    if shell == "zsh":
        return "# zsh completion for auditor: eval \"$(auditor completion zsh)\"\n" \
               "autoload -U +X bashcompinit && bashcompinit\n" + script(parser, "bash").split("\n", 1)[1]
    lines = ["# fish completion for auditor: auditor completion fish | source"]
    for name in names:
        lines.append(f"complete -c auditor -n __fish_use_subcommand -a {name}")
        for option in commands[name]:
            lines.append(f"complete -c auditor -n '__fish_seen_subcommand_from {name}' -l {option[2:]}")
    return "\n".join(lines)
