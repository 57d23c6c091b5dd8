#pragma once
// The appointment card as ESC/POS bytes for an 80 mm thermal receipt printer (576 dots across at
// 203 dpi, Epson TM-T20/TM-T88 class) — the whole of it, for code that prints or previews cards.
//
// Danish lines go as printer text in code page PC865 (pc865.h). A Danish line that holds a
// character PC865 lacks (a name like "Željko") is drawn by us instead of printing '?'.
//
// Everything else — Arabic, Farsi, Tigrinya, Cyrillic, and for one look every citizen-language
// line — is drawn by us with FreeType and the Noto fonts (card_fonts.h, card_raster.h) and sent
// as raster bit images (GS v 0). The QR code is the printer's own; the card ends with a feed and
// a partial cut (escpos_writer.h). Which line goes which way, and how it looks: card_layout.h.

#include "kiosk/services/card_fonts.h"
#include "kiosk/services/card_layout.h"
#include "kiosk/services/card_raster.h"
#include "kiosk/services/pc865.h"
#include "kiosk/services/print_bitmap.h"
#include "kiosk/services/sentence_lines.h"
