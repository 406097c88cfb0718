// The workspace's travel-time layer (workspace.h): the request, the results kept per request and
// language, and the background job that computes one with layers::projectTravelRaster.
#include "ui/workspace.h"

#include "gis/error.h"
#include "gis/store.h"
#include "gis/travel.h"
#include "layers/facilitysymbol.h"
#include "layers/travelmap.h"
#include "ui/language.h"
#include "ui/usermessage.h"

#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace app {
namespace ui {

std::vector<std::string> Workspace::travelDestinations() const
{
    std::vector<std::string> out;
    if (!mDataset)
        return out;
    const double lon = std::atof(mDataset->metaValue("capital_lon", "nan").c_str());
    const double lat = std::atof(mDataset->metaValue("capital_lat", "nan").c_str());
    if (std::isfinite(lon) && std::isfinite(lat))
        out.emplace_back("capital");
    // the facility layers' order (symbolised kinds first)
    for (const LayerEntry& e : defaultLayers())
        if (e.id.startsWith(QLatin1String("facility:")))
            out.push_back(e.id.mid(9).toStdString());
    return out;
}

Workspace::TravelKey Workspace::travelKey(const TravelLayerRequest& request) const
{
    return {request.destination, request.breaks, request.resolutionM, static_cast<int>(pageLanguage())};
}

std::string Workspace::travelProjectFile() const
{
    // the rasters live in the project's store (the example's temporary file has none: its
    // illustrative DEM is generated, as for the CLI's embedded demo)
    return mStoreLocation.toStdString();
}

std::shared_ptr<const layers::TravelRaster> Workspace::travelRaster() const
{
    if (!mTravelRequest)
        return nullptr;
    auto it = mTravelResults.find(travelKey(*mTravelRequest));
    return it == mTravelResults.end() ? nullptr : it->second;
}

bool Workspace::travelComputing() const
{
    return mTravelRequest && !travelRaster();
}

void Workspace::showTravel(const TravelLayerRequest& request)
{
    if (!mDataset)
        return;
    layers::checkTravelBreaks(request.breaks);
    if (mTravelRequest == request && mTravelError.isEmpty())
        return;
    mTravelRequest = request;
    mTravelError.clear();
    mTravelCancelled = false;
    if (travelRaster()) {
        rebuildMap();
        emit mapChanged();
    } else {
        startTravelJob();
        if (mSpec.travel) { // another travel raster was shown: the pekon fills until this one comes
            rebuildMap();
            emit mapChanged();
        }
    }
    emit travelChanged();
}

void Workspace::cancelTravel()
{
    if (!mTravelWatcher || !mTravelWatcher->isRunning())
        return;
    mTravelStop.request_stop();
    if (travelComputing()) { // the layer waited for this job: it goes off, saying so
        mTravelRequest.reset();
        mTravelCancelled = true;
        if (mSpec.travel) {
            rebuildMap();
            emit mapChanged();
        }
        emit travelChanged();
    }
}

void Workspace::hideTravel()
{
    if (!mTravelRequest)
        return;
    const bool shown = mSpec.travel.has_value();
    mTravelRequest.reset();
    if (shown) {
        rebuildMap();
        emit mapChanged();
    }
    emit travelChanged();
}

void Workspace::dropTravelResults()
{
    mTravelResults.clear();
    mTravelError.clear();
}

void Workspace::startTravelJob()
{
    if (!mTravelRequest || !mDataset || travelRaster())
        return;
    if (!mTravelWatcher) {
        mTravelWatcher = new QFutureWatcher<TravelOutcome>(this);
        connect(mTravelWatcher, &QFutureWatcher<TravelOutcome>::finished, this, &Workspace::travelJobFinished);
    }
    if (mTravelWatcher->isRunning())
        return; // travelJobFinished() starts the request asked for meanwhile
    mTravelRunningOn = mDataset;
    mTravelRunningKey = travelKey(*mTravelRequest);
    ++mTravelComputations;
    mTravelStop = std::stop_source();
    mTravelWatcher->setFuture(QtConcurrent::run([ds = mDataset, file = travelProjectFile(), request = *mTravelRequest,
                                                 lang = pageLanguage(), stop = mTravelStop.get_token()]() -> TravelOutcome {
        TravelOutcome out;
        try {
            out.raster = std::make_shared<const layers::TravelRaster>(layers::projectTravelRaster(
                *ds, file, request.destination, request.breaks, lang, request.resolutionM, stop));
        } catch (const gis::TravelCancelled&) {
            out.cancelled = true;
        } catch (const std::exception& e) {
            out.error = e.what();
        }
        return out;
    }));
}

void Workspace::travelJobFinished()
{
    // waitForTravel() may have taken the result already; a late signal then finds nothing
    if (!mTravelRunningOn || !mTravelWatcher->isFinished())
        return;
    TravelOutcome out = mTravelWatcher->result();
    const bool sameData = mTravelRunningOn == mDataset;
    mTravelRunningOn.reset();
    if (!sameData) { // computed on data since replaced: dropped; the request is computed again
        startTravelJob();
        emit travelChanged();
        return;
    }
    const bool asked = mTravelRequest && travelKey(*mTravelRequest) == mTravelRunningKey;
    if (out.cancelled) { // nothing kept; a request made since is computed now
        startTravelJob();
        emit travelChanged();
        return;
    }
    if (out.raster) {
        mTravelResults[mTravelRunningKey] = std::move(out.raster);
    } else if (asked) {
        mTravelError = UserMessages::forError(gis::Error(out.error), UserAction::ShowMap, mLocation);
        mTravelRequest.reset(); // the layer goes off, saying why
    }
    if (asked) {
        rebuildMap();
        emit mapChanged();
    } else {
        startTravelJob();
    }
    emit travelChanged();
}

void Workspace::waitForTravel()
{
    while (mTravelWatcher && mTravelWatcher->isRunning()) {
        mTravelWatcher->waitForFinished();
        travelJobFinished();
    }
}

} // namespace ui
} // namespace app
