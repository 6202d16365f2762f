#include "resulttext.h"
