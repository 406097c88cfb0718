#include "detail/wkb.h"

#include "gis/error.h"

#include <bit>
#include <cstdint>
#include <cstring>

namespace gis::detail {

namespace {

static_assert(std::endian::native == std::endian::little, "WKB writer assumes a little-endian host");

void putByte(std::string& out, std::uint8_t b) { out.push_back(static_cast<char>(b)); }
void putUint(std::string& out, std::uint32_t v)
{
    char bytes[4];
    std::memcpy(bytes, &v, 4);
    out.append(bytes, 4);
}
void putDouble(std::string& out, double v)
{
    char bytes[8];
    std::memcpy(bytes, &v, 8);
    out.append(bytes, 8);
}
void putRing(std::string& out, const Ring& ring)
{
    const bool closed = !ring.empty() && ring.front() == ring.back();
    putUint(out, static_cast<std::uint32_t>(ring.size() + (closed || ring.empty() ? 0 : 1)));
    for (Point p : ring) {
        putDouble(out, p.x);
        putDouble(out, p.y);
    }
    if (!closed && !ring.empty()) {
        putDouble(out, ring.front().x);
        putDouble(out, ring.front().y);
    }
}

class Reader {
public:
    explicit Reader(const std::string& data) : mData(data) {}
    std::uint8_t byte()
    {
        need(1);
        return static_cast<std::uint8_t>(mData[mPos++]);
    }
    std::uint32_t uint(bool little)
    {
        need(4);
        std::uint32_t v = 0;
        std::memcpy(&v, mData.data() + mPos, 4);
        mPos += 4;
        return little ? v : __builtin_bswap32(v);
    }
    double number(bool little)
    {
        need(8);
        std::uint64_t bits = 0;
        std::memcpy(&bits, mData.data() + mPos, 8);
        mPos += 8;
        if (!little)
            bits = __builtin_bswap64(bits);
        return std::bit_cast<double>(bits);
    }

private:
    void need(std::size_t n) const
    {
        if (mPos + n > mData.size())
            throw GeometryError("truncated WKB geometry");
    }
    const std::string& mData;
    std::size_t mPos = 0;
};

Ring readRing(Reader& r, bool little)
{
    const std::uint32_t n = r.uint(little);
    Ring ring;
    ring.reserve(n);
    for (std::uint32_t i = 0; i < n; ++i) {
        const double x = r.number(little);
        const double y = r.number(little);
        ring.push_back({x, y});
    }
    return ring;
}

void readGeometry(Reader& r, Geometry& out)
{
    const bool little = r.byte() == 1;
    const std::uint32_t type = r.uint(little) % 1000; // ignore Z/M flavours of ISO WKB
    switch (type) {
    case 1: {
        const double x = r.number(little);
        const double y = r.number(little);
        out.type = GeometryType::Point;
        out.points.push_back({x, y});
        break;
    }
    case 3: {
        Polygon poly;
        const std::uint32_t rings = r.uint(little);
        for (std::uint32_t i = 0; i < rings; ++i) {
            Ring ring = readRing(r, little);
            if (i == 0)
                poly.exterior = std::move(ring);
            else
                poly.holes.push_back(std::move(ring));
        }
        out.type = GeometryType::Polygon;
        out.polygons.push_back(std::move(poly));
        break;
    }
    case 4:
    case 6:
    case 7: {
        const std::uint32_t n = r.uint(little);
        for (std::uint32_t i = 0; i < n; ++i)
            readGeometry(r, out);
        break;
    }
    default:
        throw GeometryError("unsupported WKB geometry type " + std::to_string(type));
    }
}

} // namespace

std::string pointToWkb(Point p)
{
    std::string out;
    putByte(out, 1);
    putUint(out, 1);
    putDouble(out, p.x);
    putDouble(out, p.y);
    return out;
}

std::string multiPolygonToWkb(const MultiPolygon& mp)
{
    std::string out;
    putByte(out, 1);
    putUint(out, 6);
    putUint(out, static_cast<std::uint32_t>(mp.size()));
    for (const Polygon& poly : mp) {
        putByte(out, 1);
        putUint(out, 3);
        putUint(out, static_cast<std::uint32_t>(1 + poly.holes.size()));
        putRing(out, poly.exterior);
        for (const Ring& hole : poly.holes)
            putRing(out, hole);
    }
    return out;
}

Geometry geometryFromWkb(const std::string& wkb)
{
    Reader reader(wkb);
    Geometry g;
    readGeometry(reader, g);
    return g;
}

} // namespace gis::detail
