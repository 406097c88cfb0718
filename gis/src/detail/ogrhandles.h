#pragma once
/// \file ogrhandles.h
/// Private GDAL/OGR helpers for gis/: registration, RAII owners for the handles GDAL has no
/// alias for, and an error collector that keeps GDAL quiet on stderr but remembers what it said.
#include <cpl_error.h>
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace gis::detail {

/// \brief Registers all GDAL drivers once per process (GDALAllRegister is idempotent but slow).
inline void ensureGdalRegistered()
{
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

struct OgrTransformDeleter {
    void operator()(OGRCoordinateTransformation* ct) const noexcept { OGRCoordinateTransformation::DestroyCT(ct); }
};
/// Owner of an OGRCoordinateTransformation (GDAL's OGRCreateCoordinateTransformation).
using OgrTransformPtr = std::unique_ptr<OGRCoordinateTransformation, OgrTransformDeleter>;

struct OgrSrsReleaser {
    void operator()(OGRSpatialReference* srs) const noexcept
    {
        if (srs)
            srs->Release();
    }
};
/// Owner of a reference-counted OGRSpatialReference (Clone() and new both give one reference).
using OgrSrsPtr = std::unique_ptr<OGRSpatialReference, OgrSrsReleaser>;

/// \brief While alive, GDAL errors and warnings on this thread go to this object instead of
/// stderr. The C handler only records (it never throws); callers decide after the C call
/// returns. Not copyable; nest freely (the previous handler is restored on destruction).
class GdalErrorCollector {
public:
    GdalErrorCollector()
    {
        CPLErrorReset();
        CPLPushErrorHandlerEx(&GdalErrorCollector::onError, this);
    }
    ~GdalErrorCollector() { CPLPopErrorHandler(); }
    GdalErrorCollector(const GdalErrorCollector&) = delete;
    GdalErrorCollector& operator=(const GdalErrorCollector&) = delete;

    /// Failures (CE_Failure, CE_Fatal) recorded since construction or the last take.
    std::size_t failureCount() const noexcept { return mFailures.size(); }
    /// The last failure message, or "" when none.
    std::string lastFailure() const { return mFailures.empty() ? std::string{} : mFailures.back(); }
    /// All failure messages joined by "; ", then cleared.
    std::string takeFailures()
    {
        std::string out;
        for (const auto& m : mFailures) {
            if (!out.empty())
                out += "; ";
            out += m;
        }
        mFailures.clear();
        return out;
    }
    /// Warnings recorded since construction or the last take, then cleared.
    std::vector<std::string> takeWarnings() { return std::exchange(mWarnings, {}); }

private:
    static void CPL_STDCALL onError(CPLErr level, CPLErrorNum, const char* message)
    {
        auto* self = static_cast<GdalErrorCollector*>(CPLGetErrorHandlerUserData());
        if (!self || !message)
            return;
        try {
            if (level == CE_Failure || level == CE_Fatal)
                self->mFailures.emplace_back(message);
            else if (level == CE_Warning)
                self->mWarnings.emplace_back(message);
        } catch (...) {
            // Never let an exception cross the C boundary; the message is lost, not the program.
        }
    }

    std::vector<std::string> mFailures;
    std::vector<std::string> mWarnings;
};

} // namespace gis::detail
