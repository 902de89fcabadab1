// pushdeck_svgtopng: renders an SVG into the PNG sizes of a hicolor icon
// theme at build time, so the PNGs always match the one SVG we maintain.
//
//   pushdeck_svgtopng INPUT.svg OUTPUT_DIR ICON_NAME SIZE...
//
// writes OUTPUT_DIR/<SIZE>x<SIZE>/apps/ICON_NAME.png for every SIZE.

#include <QDir>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    // No QGuiApplication: painting shapes into a QImage needs none, and a
    // build step should not depend on a platform plugin. (SVG text would need
    // fonts, hence an application object; the icon has no text.)
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args.append(QString::fromLocal8Bit(argv[i]));
    if (args.size() < 5) {
        std::fprintf(stderr, "usage: pushdeck_svgtopng INPUT.svg OUTPUT_DIR ICON_NAME SIZE...\n");
        return 64;
    }
    QSvgRenderer renderer(args.at(1));
    if (!renderer.isValid()) {
        std::fprintf(stderr, "pushdeck_svgtopng: %s is not a valid SVG\n", qPrintable(args.at(1)));
        return 65;
    }
    const QDir outputDir(args.at(2));
    const QString iconName = args.at(3);
    for (const QString &sizeText : args.mid(4)) {
        bool ok = false;
        const int size = sizeText.toInt(&ok);
        if (!ok || size <= 0 || size > 1024) {
            std::fprintf(stderr, "pushdeck_svgtopng: bad size \"%s\"\n", qPrintable(sizeText));
            return 64;
        }
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        {
            QPainter painter(&image);
            painter.setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform);
            renderer.render(&painter, QRectF(0, 0, size, size));
        }
        const QString subdir = u"%1x%1/apps"_s.arg(size);
        if (!outputDir.mkpath(subdir)) {
            std::fprintf(stderr, "pushdeck_svgtopng: cannot create %s\n", qPrintable(outputDir.filePath(subdir)));
            return 73;
        }
        const QString file = outputDir.filePath(subdir + u'/' + iconName + u".png"_s);
        // Straight alpha, so the PNG stores exact colours at the edges.
        if (!image.convertToFormat(QImage::Format_ARGB32).save(file, "PNG")) {
            std::fprintf(stderr, "pushdeck_svgtopng: cannot write %s\n", qPrintable(file));
            return 73;
        }
    }
    return 0;
}
