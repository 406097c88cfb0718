#include "gis/placementrun.h"

#include "gis/error.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>

namespace gis {

PlacementRun placementRunFromJson(const std::string& json, const std::string& createdUtc)
{
    PlacementRun run;
    try {
        const nlohmann::json j = nlohmann::json::parse(json);
        auto optionalNumber = [&](const char* key) -> std::optional<double> {
            if (!j.contains(key) || j.at(key).is_null())
                return std::nullopt;
            return j.at(key).get<double>();
        };
        run.createdUtc = createdUtc;
        run.kind = j.at("kind").get<std::string>();
        run.method = j.at("method").get<std::string>();
        if (run.method != "mclp" && run.method != "pmedian")
            throw Error("unknown method '" + run.method + "'");
        run.count = j.at("count").get<std::size_t>();
        run.radiusKm = optionalNumber("radius_km");
        run.minutes = optionalNumber("minutes");
        run.demandKey = j.value("demand", std::string("miskin"));
        run.period = j.value("period", std::string());
        run.candidates = j.value("candidates", std::string("without_kind"));
        run.capacity = optionalNumber("capacity");
        run.seed = j.value("seed", std::uint64_t{0});
        run.candidateCount = j.value("candidate_count", std::size_t{0});
        run.existingCount = j.value("existing_count", std::size_t{0});
        run.totalDemand = j.value("total_demand", 0.0);
        const bool mclp = run.method == "mclp";
        run.coveredBefore = optionalNumber("served_before");
        run.coveredAfter = optionalNumber("served_after");
        if (mclp && !run.coveredBefore)
            run.coveredBefore = optionalNumber("before"); // runs saved before served_* existed
        if (mclp && !run.coveredAfter)
            run.coveredAfter = optionalNumber("after");
        if (!mclp) {
            run.costBefore = optionalNumber("before");
            run.costAfter = optionalNumber("after");
        }
        int rank = 0;
        for (const nlohmann::json& site : j.at("sites")) {
            ProgramSite ps;
            ps.rank = ++rank;
            ps.code = site.at("code").get<std::string>();
            ps.name = site.value("name", std::string());
            ps.point = {site.at("lon").get<double>(), site.at("lat").get<double>()};
            ps.gain = site.value("gain", 0.0);
            ps.served = site.value("served", 0.0);
            run.sites.push_back(std::move(ps));
        }
    } catch (const nlohmann::json::exception& e) {
        throw Error(std::string("not a readable placement run: ") + e.what());
    } catch (const Error& e) {
        throw Error(std::string("not a readable placement run: ") + e.what());
    }
    run.json = json;
    return run;
}

} // namespace gis
