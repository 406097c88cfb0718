// The Indonesian translation file covers every text the sources mark with tr(): lupdate
// (`cmake --build build --target update_translations`) adds new texts as unfinished, and an
// unfinished entry would show English to a user of the Indonesian UI.
#include <QFile>
#include <QStringList>
#include <QXmlStreamReader>
#include <gtest/gtest.h>

TEST(Translations, EveryIndonesianEntryIsTranslated)
{
    QFile file(QStringLiteral(SASARAN_INDONESIAN_TS));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << SASARAN_INDONESIAN_TS;
    QXmlStreamReader xml(&file);
    QString context, source;
    QStringList untranslated;
    int messages = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("name"))
            context = xml.readElementText();
        else if (xml.name() == QLatin1String("source"))
            source = xml.readElementText();
        else if (xml.name() == QLatin1String("translation")) {
            ++messages;
            const bool unfinished = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
            const bool numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (unfinished || (text.trimmed().isEmpty() && !numerus))
                untranslated << context + QStringLiteral(": ") + source;
        }
    }
    ASSERT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    EXPECT_GT(messages, 200);
    EXPECT_TRUE(untranslated.isEmpty()) << untranslated.join(QStringLiteral("\n")).toStdString();
}
