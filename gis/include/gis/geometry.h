#pragma once
/// \file geometry.h
/// Plain geometry value types. Coordinates are x = longitude/easting, y = latitude/northing
/// (traditional GIS order); inside a project they are always EPSG:4326 degrees.
/// Value types hold no C handles, so they can be copied freely between threads.
#include <algorithm>
#include <limits>
#include <vector>

namespace gis {

struct Point {
    double x = 0.0; ///< longitude (degrees) or easting (metres)
    double y = 0.0; ///< latitude (degrees) or northing (metres)
    friend bool operator==(const Point&, const Point&) = default;
};

/// A closed ring: the first point equals the last.
using Ring = std::vector<Point>;
using LineString = std::vector<Point>;

struct Polygon {
    Ring exterior;
    std::vector<Ring> holes;
};

using MultiPolygon = std::vector<Polygon>;

/// \brief Axis-aligned bounding box; empty until a point is included.
struct Extent {
    double minX = std::numeric_limits<double>::infinity();
    double minY = std::numeric_limits<double>::infinity();
    double maxX = -std::numeric_limits<double>::infinity();
    double maxY = -std::numeric_limits<double>::infinity();

    bool isEmpty() const noexcept { return minX > maxX || minY > maxY; }
    double width() const noexcept { return isEmpty() ? 0.0 : maxX - minX; }
    double height() const noexcept { return isEmpty() ? 0.0 : maxY - minY; }
    Point center() const noexcept { return {(minX + maxX) / 2.0, (minY + maxY) / 2.0}; }
    void include(Point p) noexcept
    {
        minX = std::min(minX, p.x);
        minY = std::min(minY, p.y);
        maxX = std::max(maxX, p.x);
        maxY = std::max(maxY, p.y);
    }
    void include(const Extent& e) noexcept
    {
        if (e.isEmpty())
            return;
        include(Point{e.minX, e.minY});
        include(Point{e.maxX, e.maxY});
    }
    bool contains(Point p) const noexcept { return p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY; }
    bool intersects(const Extent& e) const noexcept
    {
        return !(e.minX > maxX || e.maxX < minX || e.minY > maxY || e.maxY < minY);
    }
};

enum class GeometryType { None, Point, Line, Polygon };

/// \brief A feature's geometry: points, lines or polygons (multi-part in each case).
struct Geometry {
    GeometryType type = GeometryType::None;
    std::vector<Point> points;     ///< for GeometryType::Point
    std::vector<LineString> lines; ///< for GeometryType::Line
    MultiPolygon polygons;         ///< for GeometryType::Polygon
    bool isEmpty() const noexcept { return points.empty() && lines.empty() && polygons.empty(); }
};

Extent extentOf(const MultiPolygon& mp);
Extent extentOf(const Geometry& g);

/// \brief Number of vertices in all rings.
std::size_t vertexCount(const MultiPolygon& mp);
/// \brief A weighted sum of all x and y of all rings (x and y, and each vertex position, weigh
/// differently): with vertexCount, a cheap fingerprint of a geometry that swapped axes change.
double coordinateSum(const MultiPolygon& mp);

} // namespace gis
