"""Measuring the kit against gold annotations of real text (`make eval`).

The development corpora are not part of the repository (see docs/annotation.md): this
package reads them where the analyst keeps them, and the gold files in data/eval/ refer
to their articles by url (news) or link (KCNA) and character offsets only."""
