#include "cli/hotspots.h"

#include "cli/common.h"
#include "gis/hotspots.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <fmt/ranges.h>

#include <filesystem>

namespace app::cli {

CLI::App* addHotspotsCommand(CLI::App& cli, HotspotsOptions& options)
{
    auto* cmd = cli.add_subcommand(
        "hotspots", "Global Moran's I and local clusters (LISA) of an indicator over the pekon, as a CSV table");
    cmd->add_option("PROJECT", options.project, "Project file or :default")->required();
    cmd->add_option("--indicator", options.indicator,
                    "Indicator key: poverty_rate, poverty_rate_eb (Empirical Bayes smoothed, %), poor_density_km2, "
                    "pop_density_km2, area_km2 or a stored key")
        ->required();
    cmd->add_option("--period", options.period, "Period, e.g. 2018 (default: the latest)");
    cmd->add_option("--weights", options.weights, "Spatial weights: queen (contiguity) or knn (k nearest)")
        ->check(CLI::IsMember({"queen", "knn"}))
        ->capture_default_str();
    cmd->add_option("--k", options.k, "Neighbours per pekon for --weights knn")
        ->check(CLI::Range(1, 1000))
        ->capture_default_str();
    cmd->add_option("--tolerance-m", options.toleranceM,
                    "Queen: pekon closer than this many metres are neighbours (bridges sliver gaps)")
        ->check(CLI::Range(0.0, 100000.0))
        ->capture_default_str();
    cmd->add_option("--permutations", options.permutations, "Permutations for the pseudo p-values")
        ->check(CLI::Range(0, 1000000))
        ->capture_default_str();
    cmd->add_option("--seed", options.seed, "Random seed (the same seed gives the same p-values)")
        ->capture_default_str();
    cmd->add_option("--alpha", options.alpha, "Significance level for the clusters")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    cmd->add_flag("--fdr", options.fdr, "Control the False Discovery Rate (Benjamini-Hochberg) at --alpha");
    cmd->add_option("--out", options.out, "CSV table to write, one row per pekon")->required();
    return cmd;
}

int runHotspots(const HotspotsOptions& options, std::ostream& out, std::ostream& /*err*/)
{
    gis::HotspotOptions o;
    o.period = options.period;
    o.weights = options.weights == "knn" ? gis::WeightsKind::Knn : gis::WeightsKind::Queen;
    o.k = options.k;
    o.toleranceM = options.toleranceM;
    o.permutations = options.permutations;
    o.seed = options.seed;
    o.alpha = options.alpha;
    o.fdr = options.fdr;

    const gis::Dataset ds = openProjectOrDefault(options.project);
    const gis::HotspotResult r = gis::analyzeHotspots(ds, options.indicator, o);
    gis::writeHotspotsCsv(r, options.out);

    if (ds.isIllustrative())
        fmt::print(out, "ILLUSTRATIVE data (Data ilustrasi): not official figures\n");
    const std::string weights = o.weights == gis::WeightsKind::Queen
        ? fmt::format("queen contiguity, tolerance {} m", o.toleranceM)
        : fmt::format("{} nearest neighbours", o.k);
    fmt::print(out, "indicator: {}; period: {}; weights: {} (row-standardised)\n", r.key,
               r.period.empty() ? "-" : r.period, weights);
    fmt::print(out,
               "Moran's I: {:.4f}  E[I]: {:.4f}  z (permutation): {:.2f}  p (pseudo, {} permutations, seed {}): "
               "{:.4f}\n",
               r.global.i, r.global.expected, r.global.zPermutation, r.global.permutations, o.seed, r.global.pValue);
    fmt::print(out,
               "pekon in the statistics: {}; islands left out (no neighbour with a value): {}{}; "
               "without a value: {}\n",
               r.global.n, r.islandCodes.size(),
               r.islandCodes.empty() ? std::string{} : " (" + fmt::format("{}", fmt::join(r.islandCodes, ", ")) + ")",
               r.missingCodes.size());
    fmt::print(out, "clusters (alpha {}{}):", o.alpha, o.fdr ? ", FDR Benjamini-Hochberg" : "");
    for (gis::Cluster c : {gis::Cluster::HighHigh, gis::Cluster::LowLow, gis::Cluster::HighLow, gis::Cluster::LowHigh,
                           gis::Cluster::NotSignificant, gis::Cluster::NotTested}) {
        const auto it = r.clusterCounts.find(c);
        fmt::print(out, " {} {}{}", gis::clusterName(c), it == r.clusterCounts.end() ? 0 : it->second,
                   c == gis::Cluster::NotTested ? "" : ",");
    }
    fmt::print(out, "\nwrote table: {} ({} rows)\n", std::filesystem::absolute(options.out).string(), r.rows.size());
    return 0;
}

} // namespace app::cli
