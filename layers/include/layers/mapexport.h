#pragma once
/// \file mapexport.h
/// Map export (PNG, PDF, SVG): declared with the ThematicMap in thematicmap.h.
#include "layers/thematicmap.h"
