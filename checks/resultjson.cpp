#include "resultjson.h"
