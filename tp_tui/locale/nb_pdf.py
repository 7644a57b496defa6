"""Bokmål: PDF-filenes skrift og utskrift på skriveren."""

MESSAGES: dict[str, str] = {
    "callback_list.before_week": "Før uka, ikke forfalt ennå",
    "pdf.missing": "Tegn som ingen skrift i tp-tui kan tegne, vist som {shown}: {chars}.",
    "pdf.missing_more": "{named} og {more} til",
}
