#pragma once
/// \file demo.h
/// The embedded default dataset (Tanggamus) and the generic generator of illustrative
/// boundaries and indicator values it is built with.
/// \note Thread safety: buildDefaultDataset() builds a new Dataset from embedded data and may be
/// called from any thread.
#include "gis/dataset.h"

#include <cstdint>
#include <string>
#include <vector>

namespace gis {

/// \brief The embedded default dataset: Kabupaten Tanggamus with official codes and names,
/// illustrative boundaries and 2018 indicator values. Deterministic: the same every call.
/// \throws Error if the embedded sources are inconsistent (a build error).
Dataset buildDefaultDataset();

} // namespace gis
